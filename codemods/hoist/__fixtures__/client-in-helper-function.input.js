const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');

exports.handler = async (event) => {
  const user = JSON.parse(event.body);
  await publishSignup(user);
  return { statusCode: 201 };
};

async function publishSignup(user) {
  const eventBridge = new EventBridgeClient({});
  await eventBridge.send(
    new PutEventsCommand({
      Entries: [{ Source: 'accounts', DetailType: 'UserSignedUp', Detail: JSON.stringify(user) }],
    }),
  );
}
