import { connectionAddress } from './connection-address';

describe('connectionAddress', () => {
  it.each([
    ['esdb://127.0.0.1:2113?tls=false', 'esdb://127.0.0.1:2113'],
    ['esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true', 'esdb://node1:2113,node2:2113,node3:2113'],
    ['esdb+discover://ops:secret@cluster.example.org:2113', 'esdb+discover://cluster.example.org:2113'],
    ['  ESDB://localhost  ', 'ESDB://localhost'],
  ])('names %s as %s, never its credentials', (connectionString, address) => {
    expect(connectionAddress(connectionString)).toBe(address);
  });

  it('says so when the string is not a connection string at all', () => {
    expect(connectionAddress('http://localhost:2113')).toBe('(unparseable EventStoreDB connection string)');
    expect(connectionAddress('')).toBe('(unparseable EventStoreDB connection string)');
  });
});
