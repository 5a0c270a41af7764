const params = new URLSearchParams(location.search);
const reference = params.get('reference') || '';
const token = params.get('token') || '';
const base = '/api/requests/' + encodeURIComponent(reference);
document.getElementById('reference').textContent = reference;
async function answer(response) {
  try {
    const body = await response.json();
    return response.ok ? (body.message || 'Thank you: received.') : (body.detail || 'Not accepted.');
  } catch (e) {
    return response.ok ? 'Thank you: received.' : 'Not accepted.';
  }
}
document.getElementById('information').addEventListener('submit', async (event) => {
  event.preventDefault();
  const dataPoints = {};
  for (const name of ['phone', 'postcode', 'customerNumber']) {
    const value = document.getElementById(name).value.trim();
    if (value) dataPoints[name] = value;
  }
  const body = {dataPoints};
  const signedName = document.getElementById('signedName').value.trim();
  if (document.getElementById('accepted').checked || signedName) {
    body.declaration = {signedName, accepted: document.getElementById('accepted').checked};
  }
  const response = await fetch(base + '/identity-information?token=' + encodeURIComponent(token), {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  document.getElementById('informationResult').textContent = await answer(response);
});
document.getElementById('document').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  const response = await fetch(base + '/documents?token=' + encodeURIComponent(token), {
    method: 'POST', headers: {'Content-Type': file.type || 'application/octet-stream'}, body: file});
  document.getElementById('documentResult').textContent = await answer(response);
});
