/**
 * The address part of an esdb:// connection string, for messages: hosts and ports only, never
 * the credentials a connection string may carry.
 */
export function connectionAddress(connectionString: string): string {
  const match = /^(esdb(?:\+discover)?):\/\/(?:[^@/?]*@)?([^/?]*)/i.exec(connectionString.trim());
  if (!match || match[2] === '') return '(unparseable EventStoreDB connection string)';
  return `${match[1]}://${match[2]}`;
}
