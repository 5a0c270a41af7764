// The DSAR engine's settings for Camunda Cockpit (replaces the file shipped in camunda-webapp-webjar 7.24.0;
// options: https://docs.camunda.org/manual/7.24/webapps/cockpit/configuration/). Styles: ../styles/user-styles.css.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'DSAR engine'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
