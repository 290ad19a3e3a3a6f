const { Sequelize, DataTypes } = require('sequelize');

let cachedSequelize;
const getSequelize = () =>
  (cachedSequelize ??= (() => {
    const created = new Sequelize(process.env.DATABASE_URL, { logging: false });
    created.addHook('beforeQuery', (options) => {
      options.benchmark = true;
    });
    return created;
  })());

exports.handler = async (event) => {
  const sequelize = getSequelize();
  const Order = sequelize.define('Order', { total: DataTypes.INTEGER });
  return Order.count({ where: { customerId: event.customerId } });
};
