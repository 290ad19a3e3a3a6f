// @ts-check

let cachedDb;
const getDb = () =>
  (cachedDb ??= require('knex')({ client: 'pg', connection: process.env.DATABASE_URL }));

/** @type {import('aws-lambda').Handler} */
exports.handler = async (event) => {
  const db = getDb();
  return db('orders').where({ customer_id: event.customerId }).count();
};
