import { startBenchGateway } from '../http/gateway-fixture.ts';

/** Child of `bench/profile/run.ts`: the bench gateway, run under `--cpu-prof`, until told to stop. */
const { gateway, token, fixture } = await startBenchGateway(Number(process.argv[2] ?? 1000));
process.send?.({ type: 'ready', port: gateway.port, token, fixture });
process.on('message', () => {
  void gateway.close().then(() => process.exit(0)); // exiting writes the profile
});
