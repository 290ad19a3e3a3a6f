const AWSXRay = require('aws-xray-sdk-core');
const mysql = AWSXRay.captureMySQL(require('mysql2'));

let cachedPool;
const getPool = () =>
  (cachedPool ??= mysql.createPool({ host: process.env.DB_HOST, user: 'app', database: 'shop', connectionLimit: 1 }));

exports.handler = async (event) => {
  const pool = getPool();
  const [rows] = await pool.promise().query('SELECT id, total FROM orders WHERE customer_id = ?', [event.customerId]);
  return rows;
};
