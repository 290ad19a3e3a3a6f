const mongoose = require('mongoose');

let cachedConnect;
const getConnect = () =>
  (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI).catch((error) => {
    cachedConnect = undefined;
    throw error;
  }));

module.exports.handler = async (event) => {
  const { MONGODB_URI, STAGE } = process.env;
  await getConnect();
  console.log(`orders for ${event.customerId} in ${STAGE}`);
  return mongoose.model('Order').find({ customerId: event.customerId });
};
