/** Swedish texts of the vaccination core pages (booking, sites, administration); `vaccinationEn` mirrors them. */
export const vaccinationSv = {
  title: 'Vaccination',
};

export const vaccinationEn: typeof vaccinationSv = {
  title: 'Vaccination',
};
