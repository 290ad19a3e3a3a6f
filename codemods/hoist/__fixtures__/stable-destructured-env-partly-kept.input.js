const mongoose = require('mongoose');

module.exports.handler = async (event) => {
  const { MONGODB_URI, STAGE } = process.env;
  await mongoose.connect(MONGODB_URI);
  console.log(`orders for ${event.customerId} in ${STAGE}`);
  return mongoose.model('Order').find({ customerId: event.customerId });
};
