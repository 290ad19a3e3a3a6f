import { Client } from '@opensearch-project/opensearch';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedClient: Client | undefined;
const getClient = (): Client =>
  (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const search = getClient();
  const result = await search.search({ index: 'products', body: { query: { match: { name: event.queryStringParameters?.q ?? '' } } } });
  const hits = result.body?.hits?.hits?.map((hit) => hit._source) ?? [];
  return { statusCode: 200, body: JSON.stringify(hits) };
};
