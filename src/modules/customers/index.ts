export { customers, type CustomerRow } from './customers.table';
export { deleteCustomersWithoutTickets, findCustomerById, upsertCustomerByEmail } from './customers.queries';
