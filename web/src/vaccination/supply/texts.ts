/** Swedish texts of the coordinator's vaccination pages (supply, NVR, invitations, coverage); `vaccinationSupplyEn` mirrors them. */
export const vaccinationSupplySv = {
  title: 'Leveranser och lager',
};

export const vaccinationSupplyEn: typeof vaccinationSupplySv = {
  title: 'Deliveries and stock',
};
