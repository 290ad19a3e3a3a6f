const mysql = require('mysql2');

// mysql2 connects on creation: no `connect()` call, callbacks all the way.
exports.handler = (event, context, callback) => {
  const connection = mysql.createConnection(process.env.DATABASE_URL);
  connection.query('SELECT id, name FROM products WHERE id = ?', [event.productId], (error, rows) => {
    connection.end();
    if (error) return callback(error);
    callback(null, rows[0] ?? null);
  });
};

exports.stock = (event, context, callback) => {
  const connection = mysql.createConnection(process.env.DATABASE_URL);
  connection.query('SELECT quantity FROM stock WHERE product_id = ?', [event.productId], (error, rows) => {
    connection.end();
    if (error) return callback(error);
    callback(null, rows[0]?.quantity ?? 0);
  });
};
