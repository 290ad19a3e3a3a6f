const mongoose = require('mongoose');

let connect;
const getConnect = () =>
  (connect ??= mongoose.connect(process.env.MONGODB_URI, { dbName: process.env.DB_NAME }).catch((error) => {
    connect = undefined;
    throw error;
  }));

module.exports.handler = async (event) => {
  await getConnect();
  return mongoose.model('Order').find({ customerId: event.customerId });
};
