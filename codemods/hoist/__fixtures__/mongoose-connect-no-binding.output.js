const mongoose = require('mongoose');
const { Order } = require('./models');

let connect;
const getConnect = () =>
  (connect ??= mongoose.connect(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 5000 }).catch((error) => {
    connect = undefined;
    throw error;
  }));

module.exports.handler = async (event) => {
  await getConnect();
  const order = await Order.findById(event.pathParameters.id).lean();
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order) };
};
