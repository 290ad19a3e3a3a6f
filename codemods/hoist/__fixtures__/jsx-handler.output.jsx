import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { renderToStaticMarkup } from 'react-dom/server';

import { Receipt } from './receipt.jsx';

let cachedSesv2Client;
const getSesv2Client = () =>
  (cachedSesv2Client ??= new SESv2Client({}));

export const handler = async (event) => {
  const ses = getSesv2Client();
  const html = renderToStaticMarkup(<Receipt order={event.detail} />);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: process.env.FROM,
      Destination: { ToAddresses: [event.detail.email] },
      Content: { Simple: { Subject: { Data: 'Your receipt' }, Body: { Html: { Data: html } } } },
    }),
  );
};
