import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3"
import type { APIGatewayProxyEventV2 } from "aws-lambda"

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({ region: "eu-west-1" }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const s3 = getS3Client()
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: `uploads/${Date.now()}`, Body: event.body }))
  return { statusCode: 201 }
}
