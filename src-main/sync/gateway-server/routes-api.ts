/**
 * The JSON half of the contract: token, catalog, dossier codes, dossiers. Every request body is
 * validated with the contract's zod schemas; every error body is `{ error_code, message }` with
 * a Vietnamese message, as the contract prescribes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CodeLeaseRequest, Dossier, MaHoSo, TokenRequest } from '../contract/index.js';
import type { GatewayCredential } from './options.js';
import type { GatewayRepository } from './repository.js';

export interface ApiDeps {
  repo: GatewayRepository;
  credentials: GatewayCredential[];
  tokenTtlSeconds: number;
}

export function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ error_code: status, message });
}

/** The token's owner, or a 401 already sent. Set by the auth hook in server.ts. */
export function callerOf(request: FastifyRequest): { clientId: string; maDonVi: string } {
  const caller = (request as FastifyRequest & { caller?: { clientId: string; maDonVi: string } })
    .caller;
  if (!caller) throw new Error('auth hook did not run');
  return caller;
}

function invalid(reply: FastifyReply, what: string, error: z.ZodError): FastifyReply {
  const detail = error.issues
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  return sendError(reply, 422, `${what} không hợp lệ: ${detail}`);
}

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { repo } = deps;

  app.post('/auth/token', async (request, reply) => {
    const parsed = TokenRequest.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'Yêu cầu cấp mã truy cập', parsed.error);
    const { client_id, client_secret, MaDonVi } = parsed.data;
    const credential = deps.credentials.find(
      (c) => c.client_id === client_id && c.client_secret === client_secret,
    );
    if (!credential || !credential.MaDonVi.includes(MaDonVi)) {
      return sendError(reply, 401, 'Sai mã máy trạm, mật khẩu hoặc mã đơn vị.');
    }
    const token = repo.issueToken(client_id, MaDonVi, deps.tokenTtlSeconds);
    return { access_token: token, token_type: 'Bearer', expires_in: deps.tokenTtlSeconds };
  });

  app.get('/catalog/agencies', async () => repo.agencies());

  app.get('/catalog/procedures', async (request, reply) => {
    const query = z
      .object({
        updated_since: z
          .string()
          .regex(/^\d{14}$/)
          .optional(),
      })
      .safeParse(request.query);
    if (!query.success) return invalid(reply, 'Tham số updated_since', query.error);
    return repo.procedures(query.data.updated_since);
  });

  app.post('/dossier-codes', async (request, reply) => {
    const parsed = CodeLeaseRequest.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'Yêu cầu cấp mã hồ sơ', parsed.error);
    const caller = callerOf(request);
    if (parsed.data.MaDonVi !== caller.maDonVi) {
      return sendError(
        reply,
        422,
        `Máy trạm không được cấp mã hồ sơ cho đơn vị ${parsed.data.MaDonVi}.`,
      );
    }
    const codes = repo.leaseCodes(
      caller.clientId,
      parsed.data.MaDonVi,
      parsed.data.Ngay,
      parsed.data.SoLuong,
    );
    if (!codes)
      return sendError(reply, 409, `Đã hết số hồ sơ trong ngày ${parsed.data.Ngay} của đơn vị.`);
    return { MaHoSo: codes };
  });

  app.put('/dossiers/:MaHoSo', async (request, reply) => {
    const code = MaHoSo.safeParse((request.params as { MaHoSo: string }).MaHoSo);
    if (!code.success) return invalid(reply, 'Mã hồ sơ', code.error);
    const parsed = Dossier.safeParse(request.body);
    if (!parsed.success) return invalid(reply, 'Hồ sơ', parsed.error);
    const dossier = parsed.data;
    if (dossier.MaHoSo !== code.data) {
      return sendError(
        reply,
        422,
        `Mã hồ sơ trong nội dung (${dossier.MaHoSo}) khác mã trên đường dẫn (${code.data}).`,
      );
    }
    const problem = businessProblem(repo, dossier);
    if (problem) return sendError(reply, 422, problem);
    const ifMatch = request.headers['if-match'];
    const outcome = repo.putDossier(
      dossier,
      typeof ifMatch === 'string' ? ifMatch.replace(/"/g, '') : undefined,
    );
    if (outcome.kind === 'conflict') {
      return sendError(
        reply,
        409,
        `Hồ sơ ${dossier.MaHoSo} đã được cập nhật ở nơi khác (phiên bản ${outcome.revision}); vui lòng tải lại trước khi sửa.`,
      );
    }
    return reply
      .code(outcome.kind === 'created' ? 201 : 200)
      .send({ error_code: 0, MaHoSo: dossier.MaHoSo, PhienBan: String(outcome.revision) });
  });

  app.get('/dossiers/:MaHoSo', async (request, reply) => {
    const code = MaHoSo.safeParse((request.params as { MaHoSo: string }).MaHoSo);
    if (!code.success) return invalid(reply, 'Mã hồ sơ', code.error);
    const dossier = repo.dossier(code.data);
    if (!dossier) return sendError(reply, 404, `Không tìm thấy hồ sơ ${code.data}.`);
    return dossier;
  });
}

/** The province's own checks, answered 422 with a message the clerk can act on. */
function businessProblem(repo: GatewayRepository, dossier: Dossier): string | undefined {
  if (!repo.wasIssued(dossier.MaHoSo)) return `Mã hồ sơ ${dossier.MaHoSo} không do hệ thống cấp.`;
  if (!repo.hasProcedure(dossier.MaTTHC)) {
    return `Thủ tục hành chính mã ${dossier.MaTTHC} không có trong danh mục thủ tục của tỉnh.`;
  }
  for (const agency of [dossier.NoiNopHoSo, dossier.DonViXuLy]) {
    if (!repo.hasAgency(agency)) return `Đơn vị ${agency} không có trong danh mục đơn vị của tỉnh.`;
  }
  for (const doc of [...dossier.TaiLieuNop, ...(dossier.DanhSachGiayToKetQua ?? [])]) {
    const file = repo.file(doc.TepDinhKemId);
    if (!file) return `Tệp đính kèm ${doc.TepDinhKemId} chưa được tải lên đầy đủ.`;
    if (file.sha256 !== doc.HashTepTin)
      return `Mã băm của tệp ${doc.TepDinhKemId} không khớp với tệp đã nhận.`;
  }
  return undefined;
}
