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
