// @ts-check

/** @type {import('aws-lambda').Handler} */
exports.handler = async (event) => {
  const db = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
  return db('orders').where({ customer_id: event.customerId }).count();
};
