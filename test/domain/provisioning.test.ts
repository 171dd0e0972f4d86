import { describe, expect, it } from 'vitest';
import { as, chat, useDomain, users } from './fixture.ts';

describe('provisioning', () => {
  const fixture = useDomain();

  it('lets only admins create users and chats', async () => {
    const f = fixture();
    await expect(f.domain.provisioning.createUser(as('a'), { id: 'x' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await users(f, 'a', 'b');
    await expect(
      f.domain.provisioning.createChat(as('a'), { type: 2, creatorId: 'a', memberIds: ['b'] }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('numbers users uniquely and refuses a taken id', async () => {
    const f = fixture();
    const a = await f.domain.provisioning.createUser(f.admin, { id: 'a', name: 'Alice' });
    const b = await f.domain.provisioning.createUser(f.admin, { id: 'b' });
    expect(a.num).not.toBe(b.num);
    expect(b.name).toBe('b');
    await expect(f.domain.provisioning.createUser(f.admin, { id: 'a' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(f.domain.provisioning.createUser(f.admin, { id: '' })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('shows users to admins only (admin.yaml: administrators only)', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    expect((await f.domain.provisioning.getUser(f.admin, 'a')).id).toBe('a');
    await expect(f.domain.provisioning.getUser(as('a'), 'a')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(f.domain.provisioning.getUser(as('a'), 'b')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(f.domain.provisioning.getUser(f.admin, 'nobody')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('generates s_ + 16 hex ids and includes the creator', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    expect(group.id).toMatch(/^s_[0-9a-f]{16}$/);
    expect(group.memberIds).toEqual(['a', 'b']);
    expect(group).toMatchObject({ status: 1, isEnc: 0, lastSeq: 0 });
    expect(await f.domain.provisioning.getChat(f.admin, group.id)).toEqual(group);
  });

  it('keeps single chats to exactly two members, one per pair', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    await expect(chat(f, 1, 'a', ['b', 'c'])).rejects.toMatchObject({ kind: 'invalid' });
    await expect(chat(f, 1, 'a', ['a'])).rejects.toMatchObject({ kind: 'invalid' });
    await chat(f, 1, 'a', ['b']);
    await expect(chat(f, 1, 'b', ['a'])).rejects.toMatchObject({ kind: 'conflict' });
    const single = await chat(f, 1, 'a', ['c'], { id: 'explicit' });
    await expect(f.domain.provisioning.addMembers(f.admin, single.id, ['b'])).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(chat(f, 2, 'a', [], { id: 'explicit' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('refuses unknown members and bad types', async () => {
    const f = fixture();
    await users(f, 'a');
    await expect(chat(f, 2, 'a', ['ghost'])).rejects.toMatchObject({ kind: 'not_found' });
    await expect(chat(f, 2, 'ghost', ['a'])).rejects.toMatchObject({ kind: 'not_found' });
    await expect(chat(f, 4 as 1, 'a', [])).rejects.toMatchObject({ kind: 'invalid' });
    await expect(chat(f, 2, 'a', [], { isEnc: 2 as 1 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('adds and removes group members, never the creator, and only actual members', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const group = await chat(f, 2, 'a', []);
    expect((await f.domain.provisioning.addMembers(f.admin, group.id, ['b', 'c', 'b'])).memberIds).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect((await f.domain.provisioning.removeMember(f.admin, group.id, 'b')).memberIds).toEqual(['a', 'c']);
    await expect(f.domain.provisioning.removeMember(f.admin, group.id, 'a')).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(f.domain.provisioning.removeMember(f.admin, group.id, 'b')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(f.domain.provisioning.addMembers(f.admin, 'nope', ['b'])).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
