const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, plan: String }));

exports.handler = async (event) => {
  await mongoose.connect(process.env.MONGODB_URI);
  const count = await User.countDocuments({ plan: event.plan });
  await mongoose.connection.close();
  return { count };
};
