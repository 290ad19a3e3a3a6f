const mysql = require('mysql');
exports.handler = async (event) => {
  const connection = mysql.createConnection({ host: process.env.DB_HOST });
  connection.connect((err) => {
    if (err) console.error('failed for', event.id, err);
  });
  connection.end();
  return 1;
};
