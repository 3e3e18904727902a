/** Swedish texts of the register extract (on "Vem har läst min journal?"); `privacyEn` mirrors them. */
export const privacySv = {
  extract: {
    heading: 'Dina uppgifter i Lägesbild',
    intro: 'Hämta allt Lägesbild har sparat om dig: provsvar, smittspårning, vaccinationer, bokningar, intyg, meddelanden och vem som har läst dina uppgifter. Du får en PDF att läsa och en JSON-fil att spara.',
    button: 'Hämta mina uppgifter (registerutdrag)',
    done: 'Ditt registerutdrag har hämtats: en PDF och en JSON-fil.',
    childIntro: 'Som vårdnadshavare kan du också hämta uppgifterna om dina barn.',
    childButton: 'Hämta uppgifter om {{name}}',
  },
};

export const privacyEn: typeof privacySv = {
  extract: {
    heading: 'Your data in Lägesbild',
    intro: 'Download everything Lägesbild holds about you: test results, contact tracing, vaccinations, bookings, certificates, messages and who has read your data. You get a PDF to read and a JSON file to keep.',
    button: 'Download my data (register extract)',
    done: 'Your register extract has been downloaded: a PDF and a JSON file.',
    childIntro: 'As a guardian you can also download the data about your children.',
    childButton: 'Download the data about {{name}}',
  },
};
