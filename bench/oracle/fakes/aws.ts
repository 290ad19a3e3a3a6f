// Fakes of the AWS SDK v3 clients the generated handlers use: S3, DynamoDB and the DynamoDB document
// client. A client's region comes from its configuration or, as in the SDK, from AWS_REGION when it is
// built; every `send` is recorded with the client's configuration and middleware, and runs that middleware.
import { configView, FAKE_KIND } from './recorder.js';
import type { FakeModule, JobRecorder } from './recorder.js';

interface Command {
  readonly input: Record<string, unknown>;
  readonly commandName: string;
}

function commandClass(name: string): new (input: Record<string, unknown>) => Command {
  return {
    [name]: class {
      readonly commandName = name;
      constructor(readonly input: Record<string, unknown>) {}
    },
  }[name]!;
}

type Next = (args: { input: unknown; request: { headers: Record<string, string> } }) => Promise<{ output: Record<string, unknown> }>;
type Middleware = (next: Next, context: unknown) => Next;

/** `client.middlewareStack`: names must be unique, as in @smithy/middleware-stack. */
class MiddlewareStack {
  readonly entries: Array<{ name: string | undefined; middleware: Middleware }> = [];

  constructor(private readonly client: SdkClient) {}

  add(middleware: Middleware, options: { name?: string; step?: string } = {}): void {
    this.client.record('middlewareStack.add', 'setup', [middleware, options]);
    if (options.name !== undefined && this.entries.some((entry) => entry.name === options.name)) {
      throw new Error(`Duplicate middleware name '${options.name}'`);
    }
    this.entries.push({ name: options.name, middleware });
  }

  addRelativeTo(middleware: Middleware, options: { name?: string } = {}): void {
    this.add(middleware, options);
  }

  use(plugin: { applyToStack(stack: MiddlewareStack): void }): void {
    plugin.applyToStack(this);
  }

  remove(name: string): boolean {
    const index = this.entries.findIndex((entry) => entry.name === name);
    if (index >= 0) this.entries.splice(index, 1);
    return index >= 0;
  }
}

abstract class SdkClient {
  readonly config: Record<string, unknown>;
  readonly middlewareStack = new MiddlewareStack(this);
  destroyed = false;

  constructor(
    protected readonly recorder: JobRecorder,
    readonly label: string,
    config: Record<string, unknown> | undefined,
  ) {
    this.config = { ...(configView(config ?? {}) as Record<string, unknown>) };
    this.config.region ??= process.env.AWS_REGION;
    Object.defineProperty(this, FAKE_KIND, { value: label });
    recorder.construct(label);
  }

  record(method: string, category: 'use' | 'setup' | 'teardown', args: readonly unknown[]): void {
    this.recorder.call(this.label, method, category, args, {
      config: this.config,
      middleware: this.middlewareStack.entries.map((entry) => entry.name ?? '(anonymous)'),
    });
  }

  async send(command: Command): Promise<Record<string, unknown>> {
    this.record('send', 'use', [`${command.commandName} ${JSON.stringify(command.input)}`]);
    let next: Next = async ({ request }) => ({ output: this.respond(command, request.headers) });
    for (const { middleware } of [...this.middlewareStack.entries].reverse()) next = middleware(next, { commandName: command.commandName });
    const { output } = await next({ input: command.input, request: { headers: {} } });
    return output;
  }

  destroy(): void {
    this.record('destroy', 'teardown', []);
    this.destroyed = true;
  }

  protected abstract respond(command: Command, headers: Record<string, string>): Record<string, unknown>;
}

export function clientS3(recorder: JobRecorder): FakeModule {
  class S3Client extends SdkClient {
    constructor(config?: Record<string, unknown>) {
      super(recorder, 'S3Client', config);
    }

    protected respond(command: Command, headers: Record<string, string>) {
      return {
        $metadata: { httpStatusCode: 200 },
        Body: `${String(command.input.Bucket)}/${String(command.input.Key)}`,
        region: this.config.region,
        endpoint: this.config.endpoint,
        headers,
      };
    }
  }
  return {
    S3Client,
    GetObjectCommand: commandClass('GetObjectCommand'),
    PutObjectCommand: commandClass('PutObjectCommand'),
  };
}

export function clientDynamoDb(recorder: JobRecorder): FakeModule {
  class DynamoDBClient extends SdkClient {
    constructor(config?: Record<string, unknown>) {
      super(recorder, 'DynamoDBClient', config);
    }

    protected respond(command: Command, headers: Record<string, string>) {
      const key = command.input.Key ?? command.input.Item;
      return { $metadata: { httpStatusCode: 200 }, Item: key, region: this.config.region, endpoint: this.config.endpoint, headers };
    }
  }
  return {
    DynamoDBClient,
    GetItemCommand: commandClass('GetItemCommand'),
    PutItemCommand: commandClass('PutItemCommand'),
  };
}

export function libDynamoDb(recorder: JobRecorder): FakeModule {
  /** `DynamoDBDocumentClient.from(client)`: marshals, then sends through the client it wraps. */
  class DynamoDBDocumentClient {
    private constructor(private readonly client: SdkClient) {
      Object.defineProperty(this, FAKE_KIND, { value: 'DynamoDBDocumentClient' });
    }

    static from(client: SdkClient): DynamoDBDocumentClient {
      if (!(client instanceof SdkClient)) throw new TypeError('DynamoDBDocumentClient.from needs a DynamoDBClient');
      const created = new DynamoDBDocumentClient(client);
      recorder.construct('DynamoDBDocumentClient');
      return created;
    }

    get config(): Record<string, unknown> {
      return this.client.config;
    }

    async send(command: Command): Promise<Record<string, unknown>> {
      recorder.call('DynamoDBDocumentClient', 'send', 'use', [`${command.commandName} ${JSON.stringify(command.input)}`], {
        config: this.client.config,
      });
      const marshalled = { ...command.input, Key: marshall(command.input.Key), Item: marshall(command.input.Item) };
      const output = await this.client.send({ commandName: command.commandName.replace(/Command$/, 'ItemCommand'), input: marshalled });
      return { ...output, Item: command.input.Key ?? command.input.Item };
    }

    destroy(): void {
      recorder.call('DynamoDBDocumentClient', 'destroy', 'teardown', [], {});
      this.client.destroy();
    }
  }
  return {
    DynamoDBDocumentClient,
    GetCommand: commandClass('GetCommand'),
    PutCommand: commandClass('PutCommand'),
  };
}

function marshall(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, { S: String(item) }]));
}
