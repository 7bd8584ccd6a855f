import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { frameworkErrors, installErrorHandling } from './core/http';
import { installInputGuard } from './core/input-guard';
import { databaseRateLimitStore } from './core/rate-limit-store';
import { installSecurityHeaders } from './core/security-headers';
import { auditRoutes } from './modules/audit';
import { classifyRoutes } from './modules/classify';
import { emailRoutes } from './modules/email';
import { kbRoutes } from './modules/kb';
import { escalationRoutes } from './modules/escalation';
import { notificationsRoutes } from './modules/notifications';
import { draftsRoutes } from './modules/drafts';
import { slaAdminRoutes } from './modules/sla';
import { calendarRoutes, meetingsRoutes } from './modules/meetings';
import { tasksRoutes } from './modules/tasks';
import { authRoutes, installAuth } from './modules/auth';
import { dashboardRoutes } from './modules/dashboard';
import { queuesRoutes } from './modules/queues';
import { systemAdminRoutes, systemRoutes, VERSION } from './modules/system';
import { attachmentsRoutes, publicTicketsRoutes, ticketsRoutes } from './modules/tickets';
import { demoRoutes } from './modules/setup';
import { permissionsRoutes, usersRoutes } from './modules/users';
import { publicVoiceRoutes, voiceRoutes } from './modules/voice';
import { registerWebApp } from './web';

export interface BuildOptions {
  /** Sees every route as it is registered; the RBAC matrix test collects the route table with it. */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.CLARA_TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installInputGuard(app);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  await installSecurityHeaders(app, { https: ctx.config.CLARA_SECURE_COOKIES });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(ctx.db, ctx.clock) });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Clara API', version: VERSION, description: 'Self-hosted AI helpdesk' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'clara_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  installAuth(app, ctx);
  await app.register(
    systemRoutes(ctx, () => ({
      retrieval: ctx.kb.mode,
      features: {
        semantic_search: { enabled: ctx.kb.mode === 'hybrid', detail: ctx.kb.reason },
        llm_answers: { enabled: Boolean(ctx.kb.llm), detail: ctx.kb.llm ? `LLM ${ctx.kb.llm.model}` : 'no CLARA_LLM_URL: extractive answers with citations' },
        ...ctx.email.health(),
        speech_to_text: { enabled: ctx.voice.health.stt !== 'none', detail: ctx.voice.health.stt_detail },
        text_to_speech: { enabled: ctx.voice.health.tts !== 'none', detail: ctx.voice.health.tts_detail },
      },
      voice: { stt: ctx.voice.health.stt, tts: ctx.voice.health.tts },
    })),
  );
  await app.register(systemAdminRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(usersRoutes(ctx));
  await app.register(permissionsRoutes());
  await app.register(auditRoutes(ctx));
  await app.register(queuesRoutes(ctx));
  await app.register(ticketsRoutes(ctx));
  await app.register(publicTicketsRoutes(ctx));
  await app.register(attachmentsRoutes(ctx));
  await app.register(classifyRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(kbRoutes(ctx));
  await app.register(draftsRoutes(ctx));
  await app.register(demoRoutes(ctx));
  await app.register(slaAdminRoutes(ctx));
  await app.register(escalationRoutes(ctx));
  await app.register(notificationsRoutes(ctx));
  await app.register(meetingsRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(tasksRoutes(ctx));
  await app.register(emailRoutes(ctx));
  await app.register(voiceRoutes(ctx));
  await app.register(publicVoiceRoutes(ctx));
  await registerWebApp(app);
  return app;
}
