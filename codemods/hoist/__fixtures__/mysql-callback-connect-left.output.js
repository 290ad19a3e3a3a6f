const mysql = require('mysql');

exports.handler = async (event) => {
  const connection = mysql.createConnection({ host: process.env.DB_HOST, user: 'app', database: 'shop' });
  await new Promise((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  const [rows] = await connection.promise().query('SELECT id FROM orders WHERE customer_id = ?', [event.customerId]);
  connection.destroy();
  return rows;
};
