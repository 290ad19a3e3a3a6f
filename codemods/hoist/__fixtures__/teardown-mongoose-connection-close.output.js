const mongoose = require('mongoose');

let cachedConnect;
const getConnect = () =>
  (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI).catch((error) => {
    cachedConnect = undefined;
    throw error;
  }));

const User = mongoose.model('User', new mongoose.Schema({ email: String, plan: String }));

exports.handler = async (event) => {
  await getConnect();
  const count = await User.countDocuments({ plan: event.plan });
  return { count };
};
