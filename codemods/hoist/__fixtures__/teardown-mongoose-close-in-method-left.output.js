import mongoose from 'mongoose';

class OrderStore {
  constructor() {
    this.ready = mongoose.connect(process.env.MONGODB_URI);
  }

  async count(status) {
    await this.ready;
    const total = await mongoose.connection.collection('orders').countDocuments({ status });
    await mongoose.connection.close();
    return total;
  }
}

export const handler = async (event) => {
  const total = await new OrderStore().count(event.status);
  return { total };
};
