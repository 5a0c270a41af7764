// The DSAR engine's settings for Camunda Admin (replaces the file shipped in camunda-webapp-webjar 7.24.0;
// options: https://docs.camunda.org/manual/7.24/webapps/admin/configuration/). Styles: ../styles/user-styles.css.
export default {
  app: {
    name: 'Admin',
    vendor: 'DSAR engine'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
