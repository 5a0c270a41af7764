// The DSAR engine's settings for Camunda Tasklist (replaces the file shipped in camunda-webapp-webjar 7.24.0;
// options: https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/). Styles: ../styles/user-styles.css.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'DSAR engine'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  // Sorts the task list by due date, soonest first, until the user picks another order.
  customScripts: ['scripts/dsar-tasklist'],
  // Camunda's default keyboard shortcuts, as shipped.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
