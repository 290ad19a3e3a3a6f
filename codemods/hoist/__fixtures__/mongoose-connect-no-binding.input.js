const mongoose = require('mongoose');
const { Order } = require('./models');

module.exports.handler = async (event) => {
  await mongoose.connect(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 5000 });
  const order = await Order.findById(event.pathParameters.id).lean();
  await mongoose.disconnect();
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order) };
};
