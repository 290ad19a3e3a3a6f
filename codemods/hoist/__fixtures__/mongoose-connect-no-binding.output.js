const mongoose = require('mongoose');
const { Order } = require('./models');

let cachedConnect;
const getConnect = () =>
  (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 5000 }).catch((error) => {
    cachedConnect = undefined;
    throw error;
  }));

module.exports.handler = async (event) => {
  await getConnect();
  const order = await Order.findById(event.pathParameters.id).lean();
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order) };
};
