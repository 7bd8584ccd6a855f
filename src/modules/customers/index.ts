export { customers, type CustomerRow } from './customers.table';
export { customerIdByEmail, deleteCustomersWithoutTickets, findCustomerById, upsertCustomerByEmail } from './customers.queries';
