const { Sequelize, DataTypes } = require('sequelize');

exports.handler = async (event) => {
  const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });
  sequelize.addHook('beforeQuery', (options) => {
    options.benchmark = true;
  });
  const Order = sequelize.define('Order', { total: DataTypes.INTEGER });
  return Order.count({ where: { customerId: event.customerId } });
};
