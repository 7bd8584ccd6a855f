export { customers, type CustomerRow } from './customers.table';
export { findCustomerById, upsertCustomerByEmail } from './customers.queries';
