import { Kafka, logLevel } from 'kafkajs';
const k = new Kafka({ clientId: 'reader-check', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
const a = k.admin(); await a.connect();
const { groups } = await a.listGroups();
const ours = groups.filter((g) => g.groupId.startsWith('kea-ephemeral-')).map((g) => g.groupId);
console.log(JSON.stringify((await a.describeGroups(ours)).groups.map((g) => ({ id: g.groupId, state: g.state, members: g.members.map((m) => m.clientHost + ' ' + m.clientId) }))));
await a.disconnect();
