import { expect, it } from 'vitest';
import { SchemaViolation } from '../../conformance/engine/failures.ts';
import { Results } from '../../conformance/engine/results.ts';
import { renderJUnit } from '../../conformance/reports/junit.ts';

it('renders one testsuite per variant+phase and one testcase per operation × check', () => {
  const results = new Results();
  const failure = new SchemaViolation({
    check: 'response_schema_conformance',
    operation: 'imchat:imchatSend',
    pointer: '#/x',
    message: 'bad <field>',
  });
  results.add({
    variant: 'imchat',
    phase: 'coverage',
    operation: 'imchatSend',
    label: 'a',
    status: 200,
    checks: ['not_a_server_error', 'response_schema_conformance'],
    failures: [failure],
    ms: 1,
  });
  results.add({
    variant: 'imchat',
    phase: 'coverage',
    operation: 'imchatSend',
    label: 'b',
    status: 200,
    checks: ['not_a_server_error', 'response_schema_conformance'],
    failures: [],
    ms: 1,
  });
  results.add({
    variant: 'record',
    phase: 'fuzz',
    operation: 'recordSync',
    label: 'c',
    status: 200,
    checks: ['not_a_server_error'],
    failures: [],
    ms: 1,
  });
  const xml = renderJUnit(results);
  expect(xml).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="imgate-conformance" tests="3" failures="1"/,
  );
  expect(xml.match(/<testsuite /g)).toHaveLength(2);
  expect(xml).toContain(
    '<testcase classname="imchat.coverage.imchatSend" name="response_schema_conformance">',
  );
  expect(xml).toContain('<failure message="SchemaViolation: bad &lt;field&gt;" type="SchemaViolation">');
  expect(xml).toContain('<testcase classname="record.fuzz.recordSync" name="not_a_server_error"/>');
});
