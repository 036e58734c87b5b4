import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CqrsModule } from '@nestjs/cqrs';
import request from 'supertest';

@Controller()
class PingController {
  @Get('ping') ping() { return { ok: true }; }
}
@Module({ imports: [CqrsModule.forRoot()], controllers: [PingController] })
class AppModule {}

it('nest loads', async () => {
  const mod = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = mod.createNestApplication();
  await app.init();
  await request(app.getHttpServer()).get('/ping').expect(200, { ok: true });
  await app.close();
});
