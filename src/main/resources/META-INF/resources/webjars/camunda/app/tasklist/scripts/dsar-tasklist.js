// Loaded by config.js (customScripts). Tasklist sorts a filter's tasks by creation date unless the URL names an
// order; this names "due date, soonest first" whenever the task list opens without one. A user's own choice (it is
// kept in the URL) stays.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDate() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();

// Start forms: Tasklist gives a Camunda Forms start form no values from the server, only the draft it keeps in the
// browser's localStorage under "camunda-form:undefined" (no task id). The option lists of the DSAR start forms (the
// officer's open cases, the DPO's catalogue sources and categories) are put there, fetched with the user's Tasklist
// login, whenever Tasklist loads or the "Start process" menu is used. Users without access get no options.
const START_FORM_DRAFT = 'camunda-form:undefined';
const START_FORM_OPTIONS = ['/api/officer/open-cases', '/api/breaches/choices'];

function asOptions(url, body) {
  return url.endsWith('/open-cases') ? { openCases: body } : body;
}

function loadStartFormOptions() {
  if ((window.location.hash || '').startsWith('#/login')) {
    return;
  }
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  Promise.all(START_FORM_OPTIONS.map(url => fetch(url, { credentials: 'same-origin', headers })
    .then(response => (response.ok ? response.json().then(body => asOptions(url, body)) : {}))
    .catch(() => ({}))))
    .then(parts => localStorage.setItem(START_FORM_DRAFT, JSON.stringify(Object.assign({}, ...parts))));
}

document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('.start-process-action, [cam-tasklist-navbar-action-start-process]')) {
    loadStartFormOptions();
  }
}, true);
window.addEventListener('hashchange', loadStartFormOptions);
loadStartFormOptions();
