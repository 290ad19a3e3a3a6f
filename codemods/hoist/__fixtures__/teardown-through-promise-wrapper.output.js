const mysql = require('mysql2');

exports.handler = async (event) => {
  const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 1 }).promise();
  const [rows] = await pool.query('SELECT * FROM coupons WHERE code = ?', [event.code]);
  await pool.end(); // release the connection
  return rows[0] ?? null;
};
