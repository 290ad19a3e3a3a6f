const mysql = require('mysql2');

// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.
let cachedConnection;
const getConnection = () =>
  (cachedConnection ??= (() => {
    const created = mysql.createConnection(process.env.DATABASE_URL);
    const forget = (error) => {
      if (error) console.error(error);
      if (cachedConnection === created) cachedConnection = undefined;
    };
    created.on('error', forget).on('end', forget);
    return created;
  })());

// mysql2 connects on creation: no `connect()` call, callbacks all the way.
exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const connection = getConnection();
  connection.query('SELECT id, name FROM products WHERE id = ?', [event.productId], (error, rows) => {
    if (error) return callback(error);
    callback(null, rows[0] ?? null);
  });
};

exports.stock = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const connection = getConnection();
  connection.query('SELECT quantity FROM stock WHERE product_id = ?', [event.productId], (error, rows) => {
    if (error) return callback(error);
    callback(null, rows[0]?.quantity ?? 0);
  });
};
