const mongoose = require('mongoose');

let cachedConnect;
const getConnect = () =>
  (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI, { dbName: process.env.DB_NAME }).catch((error) => {
    cachedConnect = undefined;
    throw error;
  }));

module.exports.handler = async (event) => {
  await getConnect();
  return mongoose.model('Order').find({ customerId: event.customerId });
};
