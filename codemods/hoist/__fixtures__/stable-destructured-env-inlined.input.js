const mongoose = require('mongoose');

module.exports.handler = async (event) => {
  const { MONGODB_URI, DB_NAME: dbName } = process.env;
  await mongoose.connect(MONGODB_URI, { dbName });
  return mongoose.model('Order').find({ customerId: event.customerId });
};
