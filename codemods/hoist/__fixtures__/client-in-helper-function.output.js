const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');

let cachedEventBridgeClient;
const getEventBridgeClient = () =>
  (cachedEventBridgeClient ??= new EventBridgeClient({}));

exports.handler = async (event) => {
  const user = JSON.parse(event.body);
  await publishSignup(user);
  return { statusCode: 201 };
};

async function publishSignup(user) {
  const eventBridge = getEventBridgeClient();
  await eventBridge.send(
    new PutEventsCommand({
      Entries: [{ Source: 'accounts', DetailType: 'UserSignedUp', Detail: JSON.stringify(user) }],
    }),
  );
}
