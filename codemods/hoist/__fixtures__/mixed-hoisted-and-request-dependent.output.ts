import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

let cachedStsClient: STSClient | undefined;
const getStsClient = (): STSClient =>
  (cachedStsClient ??= new STSClient({}));

export const handler = async (event: { roleArn: string; bucket: string; key: string }) => {
  const sts = getStsClient();
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'export' }));
  const s3 = new S3Client({
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken,
    },
  });
  const object = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  return object.Body?.transformToString();
};
