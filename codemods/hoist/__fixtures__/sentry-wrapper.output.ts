import * as Sentry from '@sentry/aws-serverless';
import OpenAI from 'openai';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedOpenAI: OpenAI | undefined;
const getOpenAI = (): OpenAI =>
  (cachedOpenAI ??= new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 20_000 }));

export const handler = Sentry.wrapHandler(async (event: APIGatewayProxyEventV2) => {
  const openai = getOpenAI();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: event.body ?? '' }],
  });
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? '' };
});
