const params = new URLSearchParams(location.search);
const reference = params.get('reference') || '';
document.getElementById('reference').textContent = reference;
document.getElementById('code').value = params.get('code') || '';
document.getElementById('verify').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('result');
  result.textContent = 'Checking…';
  try {
    const response = await fetch('/api/requests/' + encodeURIComponent(reference) + '/verification', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({code: document.getElementById('code').value.trim()})
    });
    const body = await response.json();
    result.textContent = response.ok
      ? 'Thank you: your email address is confirmed. We will email you when our response is ready.'
      : body.detail || 'The code could not be checked.';
  } catch (e) {
    result.textContent = 'The code could not be checked. Please try again later.';
  }
});
document.getElementById('resend').addEventListener('click', async () => {
  const result = document.getElementById('result');
  try {
    const response = await fetch('/api/requests/' + encodeURIComponent(reference) + '/verification/resend',
      {method: 'POST'});
    const body = await response.json();
    result.textContent = body.message || body.detail || 'Please try again later.';
  } catch (e) {
    result.textContent = 'A new code could not be requested. Please try again later.';
  }
});
