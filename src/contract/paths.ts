// Generated from openapi.json by scripts/openapi-types.ts (`npm run openapi`); do not edit.
// test/api/openapi.test.ts fails when this file and the document disagree.

export interface paths {
  "/healthz": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              status: "ok";
              uptimeSeconds: number;
            };
          } };
      };
    };
  };
  "/readyz": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              status: "ready" | "not_ready";
              database: "reachable" | "unreachable";
              migrations: "current" | "behind" | "ahead" | "unknown";
            };
          } };
        503: { headers: Record<string, unknown>; content: {
            "application/json": {
              status: "ready" | "not_ready";
              database: "reachable" | "unreachable";
              migrations: "current" | "behind" | "ahead" | "unknown";
            };
          } };
      };
    };
  };
  "/metrics": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": string;
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/login": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            username: string;
            password: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              username: string;
              displayName: string;
              role: "officer" | "approver" | "analyst" | "leader" | "admin";
              roleLabel: string;
              roleLabelEn: string;
              clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
              unit: {
                id: number;
                code: string;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
              };
              csrfToken: string;
              today: string;
              secondFactor: "code" | "enrol" | null;
              mustChangePassword: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/logout": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              ok: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/logout-all": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              ok: boolean;
              sessionsEnded: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/me": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              username: string;
              displayName: string;
              role: "officer" | "approver" | "analyst" | "leader" | "admin";
              roleLabel: string;
              roleLabelEn: string;
              clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
              unit: {
                id: number;
                code: string;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
              };
              csrfToken: string;
              today: string;
              secondFactor: "code" | "enrol" | null;
              mustChangePassword: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/totp": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            code: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              username: string;
              displayName: string;
              role: "officer" | "approver" | "analyst" | "leader" | "admin";
              roleLabel: string;
              roleLabelEn: string;
              clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
              unit: {
                id: number;
                code: string;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
              };
              csrfToken: string;
              today: string;
              secondFactor: "code" | "enrol" | null;
              mustChangePassword: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/totp/enrol": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              secret: string;
              otpauthUrl: string;
              qrCode: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/totp/confirm": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            code: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              username: string;
              displayName: string;
              role: "officer" | "approver" | "analyst" | "leader" | "admin";
              roleLabel: string;
              roleLabelEn: string;
              clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
              unit: {
                id: number;
                code: string;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
              };
              csrfToken: string;
              today: string;
              secondFactor: "code" | "enrol" | null;
              mustChangePassword: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/reauth": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            password: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              ok: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/auth/password": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            current: string;
            next: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              ok: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/units": {
    get: {
      parameters: {
        query?: {
          at?: string;
          kind?: "ministry" | "department" | "province" | "district" | "commune";
          parent?: string;
          q?: string;
          limit?: number;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              at: string;
              total: number;
              units: Array<{
                id: number;
                code: string;
                name: string;
                nameEn: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
                adminCode: string | null;
                parent: string | null;
                validFrom: string;
                validTo: string | null;
                predecessors: Array<{
                  code: string;
                  name: string;
                  kind: string;
                  effectiveDate: string;
                }>;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/units/{code}": {
    get: {
      parameters: {
        query?: {
          at?: string;
        };
        path: {
          code: string;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              code: string;
              name: string;
              nameEn: string;
              kind: "ministry" | "department" | "province" | "district" | "commune";
              adminCode: string | null;
              parent: string | null;
              validFrom: string;
              validTo: string | null;
              predecessors: Array<{
                code: string;
                name: string;
                kind: string;
                effectiveDate: string;
              }>;
              children: Array<{
                id: number;
                code: string;
                name: string;
                nameEn: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
                adminCode: string | null;
                parent: string | null;
                validFrom: string;
                validTo: string | null;
                predecessors: Array<{
                  code: string;
                  name: string;
                  kind: string;
                  effectiveDate: string;
                }>;
              }>;
              successors: Array<{
                code: string;
                kind: string;
                effectiveDate: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/indicators": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              fields: Array<{
                code: "security" | "drug" | "crime" | "wanted" | "gambling" | "economy" | "weapons" | "traffic" | "fire" | "commune_police";
                nameVi: string;
                nameEn: string;
              }>;
              indicators: Array<{
                code: string;
                field: "security" | "drug" | "crime" | "wanted" | "gambling" | "economy" | "weapons" | "traffic" | "fire" | "commune_police";
                name: string;
                nameEn: string;
                unit: string;
                valueType: "integer" | "decimal";
                decimals: number;
                aggregation: {
                  kind: "sum";
                } | {
                  kind: "latest";
                } | {
                  kind: "ratio";
                  numerator: {
                    indicator: string;
                    option: string | null;
                  };
                  denominator: {
                    indicator: string;
                    option: string | null;
                  };
                  scale: number;
                };
                goodDirection: "up" | "down" | "neutral";
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                options: Array<{
                  code: string;
                  name: string;
                  nameEn: string;
                }>;
                conversions: Array<{
                  unit: string;
                  factor: number;
                }>;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/forms": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              forms: Array<{
                code: string;
                name: string;
                nameEn: string;
                periodType: "month" | "day";
                reporters: Array<{
                  from: string;
                  kinds: Array<"department" | "province" | "district" | "commune">;
                }>;
                indicators: Array<string>;
                deadline: {
                  workingDaysAfterWindowEnd: {
                    [key: string]: number;
                  };
                };
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/periods/{id}": {
    get: {
      parameters: {
        query?: never;
        path: {
          id: string;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: string;
              type: string;
              label: string;
              labelEn: string;
              window: {
                start: string;
                end: string;
              };
              referenceDate: string;
              previous: {
                id: string;
                label: string;
                window: {
                  start: string;
                  end: string;
                };
              } | null;
              samePeriodLastYear: {
                id: string;
                label: string;
                window: {
                  start: string;
                  end: string;
                };
              };
              yearToDate: {
                id: string;
                label: string;
                window: {
                  start: string;
                  end: string;
                };
              } | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/aggregates": {
    get: {
      parameters: {
        query: {
          unit: string;
          period: string;
          indicator?: string;
          compare?: "0" | "1" | "true" | "false";
          ytd?: "0" | "1" | "true" | "false";
          asOf?: string;
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: {
                id: number;
                code: string;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
              };
              period: {
                id: string;
                label: string;
                start: string;
                end: string;
              };
              asOf: string | null;
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              missingUnits: {
                [key: string]: Array<string>;
              };
              rows: Array<{
                indicator: string;
                include: "approved" | "submitted" | "draft";
                option: string | null;
                value: number | null;
                unit: string;
                decimals: number;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                coverage: {
                  form: string;
                  reported: number;
                  expected: number;
                  counted: number;
                  statuses: {
                    not_started: number;
                    draft: number;
                    returned: number;
                    submitted: number;
                    approved: number;
                    locked: number;
                  };
                } | null;
                prev?: number | null;
                yoy?: number | null;
                ytd?: number | null;
                ytd_prev?: number | null;
                yoy_units?: Array<string>;
                yoy_rule?: "same_unit" | "predecessors" | "weighted_predecessors" | "not_comparable" | "not_existing";
                coverage_prev?: {
                  compared: number;
                  expected: number;
                  basis: "complete" | "matched" | "refused";
                } | null;
                coverage_yoy?: {
                  compared: number;
                  expected: number;
                  basis: "complete" | "matched" | "refused";
                } | null;
                coverage_ytd?: {
                  compared: number;
                  expected: number;
                  basis: "complete" | "matched" | "refused";
                } | null;
                change_prev?: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                change_yoy?: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                change_ytd?: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                notable_prev?: {
                  z: number;
                  notable: boolean;
                } | null;
                notable_yoy?: {
                  z: number;
                  notable: boolean;
                } | null;
                name: string;
                optionName: string | null;
                secrecyDecision?: {
                  level: "none" | "mat" | "toi_mat" | "tuyet_mat";
                  reason: string;
                  by: string;
                  at: string;
                };
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/aggregates/ranking": {
    get: {
      parameters: {
        query: {
          unit: string;
          period: string;
          indicator: string;
          option?: string;
          kind?: "department" | "province" | "district" | "commune";
          compare?: "0" | "1" | "true" | "false";
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: string;
              period: string;
              era: "34" | "63";
              indicator: string;
              option: string | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              rows: Array<{
                rank: number;
                unitId: number;
                code: string;
                adminCode: string | null;
                name: string;
                kind: "ministry" | "department" | "province" | "district" | "commune";
                value: number | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                prev?: number | null;
                yoy?: number | null;
                change_prev?: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                change_yoy?: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                coverage_prev?: {
                  compared: number;
                  expected: number;
                  basis: "complete" | "matched" | "refused";
                } | null;
                coverage_yoy?: {
                  compared: number;
                  expected: number;
                  basis: "complete" | "matched" | "refused";
                } | null;
              }>;
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              statusCoverage: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/aggregates/series": {
    get: {
      parameters: {
        query: {
          unit: string;
          indicator: string;
          option?: string;
          to: string;
          months?: number;
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: string;
              indicator: string;
              option: string | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              points: Array<{
                period: string;
                value: number | null;
                lastYear: number | null;
              }>;
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              statusCoverage: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/geo/provinces": {
    get: {
      parameters: {
        query: {
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              era: "34" | "63";
              geojson: {
                type: "FeatureCollection";
                features: Array<{
                  type: "Feature";
                  properties: {
                    code: string;
                    name: string;
                  };
                  geometry: {
                    type: "Polygon" | "MultiPolygon";
                    coordinates: Array<unknown>;
                  };
                }>;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/geo/provinces/{era}": {
    get: {
      parameters: {
        query?: never;
        path: {
          era: "34" | "63";
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              era: "34" | "63";
              geojson: {
                type: "FeatureCollection";
                features: Array<{
                  type: "Feature";
                  properties: {
                    code: string;
                    name: string;
                  };
                  geometry: {
                    type: "Polygon" | "MultiPolygon";
                    coordinates: Array<unknown>;
                  };
                }>;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/exports/table.xlsx": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            title: string;
            subtitle?: string;
            columns: Array<string>;
            rows: Array<Array<string | number | null>>;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/aggregates/tet": {
    get: {
      parameters: {
        query: {
          unit?: string;
          year: number;
          from?: number;
          to?: number;
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: {
                code: string;
                name: string;
              };
              window: {
                tet: string;
                start: string;
                end: string;
                name: string;
              };
              lastYearWindow: {
                tet: string;
                start: string;
                end: string;
                name: string;
              };
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              statusCoverage: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
              rows: Array<{
                indicator: string;
                option: string | null;
                unit: string;
                value: number | null;
                lastYear: number | null;
                change: {
                  absolute: number;
                  percent: number | null;
                  direction: "up" | "down" | "same";
                } | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/aggregates/corrections": {
    get: {
      parameters: {
        query: {
          unit: string;
          period: string;
          asOf: string;
          indicator?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: string;
              period: string;
              asOf: string;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              corrections: Array<{
                period: string;
                unit: string;
                unitName: string;
                indicator: string;
                option: string | null;
                before: number | null;
                after: number | null;
                difference: number | null;
                at: string;
                by: string | null;
                source: string;
                reason: string | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/submissions": {
    get: {
      parameters: {
        query: {
          form: string;
          unit: string;
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              form: string;
              unit: string;
              unitName: string;
              period: string;
              status: "draft" | "submitted" | "approved" | "locked" | "returned";
              statusLabel: string;
              deadline: string;
              submittedAt: string | null;
              approvedAt: string | null;
              lockedAt: string | null;
              returnedReason: string | null;
              timeliness: "on_time" | "late" | "missing";
              version: number;
              closesOn: string;
              today: string;
              events: Array<{
                action: "submit" | "approve" | "return" | "lock" | "reopen";
                from: string | null;
                to: string;
                at: string;
                reason: string | null;
                by: string | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/submissions/{action}": {
    post: {
      parameters: {
        query?: never;
        path: {
          action: "submit" | "approve" | "return" | "lock" | "reopen";
        };
      };
      requestBody: { content: {
          "application/json": {
            form: string;
            unit: string;
            period: string;
            reason?: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              form: string;
              unit: string;
              unitName: string;
              period: string;
              status: "draft" | "submitted" | "approved" | "locked" | "returned";
              statusLabel: string;
              deadline: string;
              submittedAt: string | null;
              approvedAt: string | null;
              lockedAt: string | null;
              returnedReason: string | null;
              timeliness: "on_time" | "late" | "missing";
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/submissions/due": {
    get: {
      parameters: {
        query: {
          unit: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: string;
              today: string;
              reports: Array<{
                form: string;
                unit: string;
                unitName: string;
                period: string;
                status: "draft" | "submitted" | "approved" | "locked" | "returned";
                statusLabel: string;
                deadline: string;
                submittedAt: string | null;
                approvedAt: string | null;
                lockedAt: string | null;
                returnedReason: string | null;
                timeliness: "on_time" | "late" | "missing";
                version: number;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/completeness": {
    get: {
      parameters: {
        query: {
          form?: string;
          unit?: string;
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              form: string;
              period: string;
              unit: string;
              expected: number;
              onTime: number;
              late: number;
              missing: number;
              units: Array<{
                form: string;
                unit: string;
                unitName: string;
                period: string;
                status: "draft" | "submitted" | "approved" | "locked" | "returned";
                statusLabel: string;
                deadline: string;
                submittedAt: string | null;
                approvedAt: string | null;
                lockedAt: string | null;
                returnedReason: string | null;
                timeliness: "on_time" | "late" | "missing";
                version: number;
              }>;
              reminders: Array<{
                province: string;
                provinceName: string;
                missing: Array<{
                  code: string;
                  name: string;
                }>;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/exports/figures": {
    get: {
      parameters: {
        query: {
          form?: string;
          unit: string;
          period: string;
          format?: "xlsx" | "csv" | "json";
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
            "text/csv": string;
            "application/json": {
              dataSet?: string;
              period?: string;
              orgUnit?: string;
              completeDate?: string;
              dataValues: Array<{
                dataElement: string;
                categoryOptionCombo: string;
                value: string;
                comment?: string;
                period?: string;
                orgUnit?: string;
                attributeOptionCombo?: string;
                followup?: boolean;
                deleted?: boolean;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/imports": {
    post: {
      parameters: {
        query?: {
          dryRun?: "0" | "1" | "true" | "false";
        };
        path?: never;
      };
      requestBody: { content: {
          "multipart/form-data": {
            file: Blob;
            dryRun?: "true" | "false";
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              imported: number;
              updated: number;
              unchanged: number;
              rejected: Array<{
                row: number;
                field: string;
                reason: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": {
              imported: number;
              updated: number;
              unchanged: number;
              rejected: Array<{
                row: number;
                field: string;
                reason: string;
              }>;
            } | {
              error: string;
              message: string;
              messageEn?: string;
              issues?: Array<{
                row?: number;
                field: string;
                reason: string;
                severity?: "critical" | "warning";
              }>;
            };
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/dataValueSets": {
    post: {
      parameters: {
        query?: {
          dryRun?: "true" | "false";
          idScheme?: "UID" | "CODE" | "uid" | "code";
          dataElementIdScheme?: "UID" | "CODE" | "uid" | "code";
          orgUnitIdScheme?: "UID" | "CODE" | "uid" | "code";
          dataSetIdScheme?: "UID" | "CODE" | "uid" | "code";
          categoryOptionComboIdScheme?: "UID" | "CODE" | "uid" | "code";
          importStrategy?: "CREATE_AND_UPDATE" | "DELETE" | "CREATE" | "UPDATE" | "NEW_AND_UPDATES" | "NEW" | "UPDATES";
        };
        path?: never;
      };
      requestBody: { content: {
          "application/json": unknown;
          "application/csv": unknown;
          "application/xml": unknown;
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              responseType: "ImportSummary";
              status: "SUCCESS" | "WARNING" | "ERROR";
              description: string;
              importCount: {
                imported: number;
                updated: number;
                ignored: number;
                deleted: number;
              };
              conflicts: Array<{
                object: string;
                value: string;
                property: string;
                indexes: Array<number>;
              }>;
              dataSetComplete: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": {
              responseType: "ImportSummary";
              status: "SUCCESS" | "WARNING" | "ERROR";
              description: string;
              importCount: {
                imported: number;
                updated: number;
                ignored: number;
                deleted: number;
              };
              conflicts: Array<{
                object: string;
                value: string;
                property: string;
                indexes: Array<number>;
              }>;
              dataSetComplete: string;
            } | {
              error: string;
              message: string;
              messageEn?: string;
              issues?: Array<{
                row?: number;
                field: string;
                reason: string;
                severity?: "critical" | "warning";
              }>;
            };
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    get: {
      parameters: {
        query: {
          dataSet: string;
          period: string;
          orgUnit: string;
          children?: "true" | "false";
          idScheme?: "UID" | "CODE" | "uid" | "code";
          format?: "json" | "csv" | "xml";
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              dataSet?: string;
              period?: string;
              orgUnit?: string;
              completeDate?: string;
              dataValues: Array<{
                dataElement: string;
                categoryOptionCombo: string;
                value: string;
                comment?: string;
                period?: string;
                orgUnit?: string;
                attributeOptionCombo?: string;
                followup?: boolean;
                deleted?: boolean;
              }>;
            };
            "application/csv": string;
            "application/xml": string;
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/metadata": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              dataElements: Array<{
                id: string;
                code: string;
                name: string;
                shortName: string;
                description: string;
                domainType: string;
                valueType: string;
                aggregationType: string;
                zeroIsSignificant: boolean;
                categoryCombo: {
                  id: string;
                };
              }>;
              categories: Array<{
                id: string;
                code: string;
                name: string;
                dataDimensionType: string;
                categoryOptions: Array<{
                  id: string;
                }>;
              }>;
              categoryOptions: Array<{
                id: string;
                code: string;
                name: string;
                shortName: string;
              }>;
              categoryCombos: Array<{
                id: string;
                code: string;
                name: string;
                dataDimensionType: string;
                categories: Array<{
                  id: string;
                }>;
              }>;
              categoryOptionCombos: Array<{
                id: string;
                code: string;
                name: string;
                categoryCombo: {
                  id: string;
                };
                categoryOptions: Array<{
                  id: string;
                }>;
              }>;
              dataSets: Array<{
                id: string;
                code: string;
                name: string;
                shortName: string;
                periodType: string;
                categoryCombo: {
                  id: string;
                };
                dataSetElements: Array<{
                  dataElement: {
                    id: string;
                  };
                }>;
              }>;
              organisationUnits: Array<{
                id: string;
                code: string;
                name: string;
                shortName: string;
                level: number;
                path: string;
                openingDate: string;
                closedDate?: string;
                parent?: {
                  id: string;
                };
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/users": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              users: Array<{
                id: number;
                username: string;
                displayName: string;
                role: "officer" | "approver" | "analyst" | "leader" | "admin";
                roleLabel: string;
                unit: {
                  code: string;
                  name: string;
                } | null;
                clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
                totpEnabled: boolean;
                mustChangePassword: boolean;
                disabled: boolean;
                lockedUntil: string | null;
                passwordChangedAt: string | null;
                version: number;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            username: string;
            displayName: string;
            role: "officer" | "approver" | "analyst" | "leader" | "admin";
            unit: string;
            clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              user: {
                id: number;
                username: string;
                displayName: string;
                role: "officer" | "approver" | "analyst" | "leader" | "admin";
                roleLabel: string;
                unit: {
                  code: string;
                  name: string;
                } | null;
                clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
                totpEnabled: boolean;
                mustChangePassword: boolean;
                disabled: boolean;
                lockedUntil: string | null;
                passwordChangedAt: string | null;
                version: number;
              };
              password: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/users/{id}": {
    patch: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            displayName?: string;
            role?: "officer" | "approver" | "analyst" | "leader" | "admin";
            unit?: string;
            clearance?: "none" | "mat" | "toi_mat" | "tuyet_mat";
            disabled?: boolean;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              user: {
                id: number;
                username: string;
                displayName: string;
                role: "officer" | "approver" | "analyst" | "leader" | "admin";
                roleLabel: string;
                unit: {
                  code: string;
                  name: string;
                } | null;
                clearance: "none" | "mat" | "toi_mat" | "tuyet_mat";
                totpEnabled: boolean;
                mustChangePassword: boolean;
                disabled: boolean;
                lockedUntil: string | null;
                passwordChangedAt: string | null;
                version: number;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/users/{id}/reset-password": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              password: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/users/{id}/sign-out": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              sessionsEnded: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/audit": {
    get: {
      parameters: {
        query?: {
          actor?: string;
          action?: string;
          from?: string;
          to?: string;
          limit?: number;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              entries: Array<{
                seq: number;
                at: string;
                actorId: number | null;
                actorName: string;
                action: string;
                target: string;
                unitId: number | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                details: {
                  [key: string]: unknown;
                };
                prevHash: string;
                hash: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/audit/verify": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              ok: true;
              count: number;
              headHash: string;
              sealed: boolean;
              checkpoint: {
                seq: number;
                at: string;
                keyId: string;
              } | null;
              figures: {
                changeSets: number;
                versions: number;
                notCovered: number;
                sealedRetroactively: Array<{
                  seq: number;
                  at: string;
                  changeIds: Array<number>;
                }>;
              };
            } | {
              ok: false;
              firstBadSeq: number | null;
              reason: string;
              messageVi: string;
              messageEn: string;
              problems: Array<{
                kind: "chain" | "truncated" | "rechained" | "forged_checkpoint" | "figures_altered" | "figures_unsealed";
                messageVi: string;
                messageEn: string;
                seq?: number;
                changeId?: number;
                figures?: Array<{
                  unit: string;
                  period: string;
                  indicator: string;
                  option: string | null;
                  form: string;
                  version: number;
                }>;
              }>;
              sealed: boolean;
              checkpoint: {
                seq: number;
                at: string;
                keyId: string;
              } | null;
              figures: {
                changeSets: number;
                versions: number;
                notCovered: number;
                sealedRetroactively: Array<{
                  seq: number;
                  at: string;
                  changeIds: Array<number>;
                }>;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/extract": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              document: string | null;
              text: string;
              figures: Array<{
                indicator: string | null;
                option: string | null;
                noun: string | null;
                unit: string;
                value: number;
                value_max: number | null;
                approx: string | null;
                of: number | null;
                subset_of: number | null;
                span: [number, number];
                convertedValue?: number;
              }>;
              comparisons: Array<{
                direction: "up" | "down" | "same";
                value: number | null;
                unit: string | null;
                baseline: "same_period_last_year" | "previous_period" | "previous_year" | "other" | null;
                baselineText: string | null;
                indicator: string | null;
                option: string | null;
                current: number | null;
                base: number | null;
                span: [number, number];
              }>;
              period: {
                kind: "month" | "quarter" | "months_to_date" | "year" | "holiday";
                month?: number;
                quarter?: number;
                months?: number;
                year?: number;
                text: string;
                span: [number, number];
              } | null;
              unit: {
                level: "ministry" | "province" | "city" | "district" | "town";
                name: string;
                text: string;
                span: [number, number];
              } | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/secrecy/decisions": {
    get: {
      parameters: {
        query: {
          unit: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              unit: string;
              decisions: Array<{
                level: "none" | "mat" | "toi_mat" | "tuyet_mat";
                reason: string;
                by: string;
                at: string;
                indicator: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            unit: string;
            indicator: string;
            level: "none" | "mat" | "toi_mat" | "tuyet_mat";
            reason: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              level: "none" | "mat" | "toi_mat" | "tuyet_mat";
              reason: string;
              by: string;
              at: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing": {
    get: {
      parameters: {
        query: {
          period: string;
          unit?: string;
          format?: "docx" | "xlsx" | "pdf";
          signer?: number;
          include?: "approved" | "submitted" | "draft";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
            "application/pdf": Blob;
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/issue": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            unit?: string;
            period: string;
            confirm: string;
            signer?: number;
            reason?: string;
          };
        } };
      responses: {
        201: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              version: number;
              status: "issued" | "withdrawn" | "replaced";
              statusLabel: string;
              issuedAt: string;
              issuedByName: string;
              signer: string;
              summary: string;
              endedAt: string | null;
              endedReason: string | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/withdraw": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            unit?: string;
            period: string;
            reason: string;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              version: number;
              status: "issued" | "withdrawn" | "replaced";
              statusLabel: string;
              issuedAt: string;
              issuedByName: string;
              signer: string;
              summary: string;
              endedAt: string | null;
              endedReason: string | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/issued": {
    get: {
      parameters: {
        query: {
          period: string;
          unit?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              issues: Array<{
                id: number;
                version: number;
                status: "issued" | "withdrawn" | "replaced";
                statusLabel: string;
                issuedAt: string;
                issuedByName: string;
                signer: string;
                summary: string;
                endedAt: string | null;
                endedReason: string | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/issued/{id}": {
    get: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/pdf": Blob;
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/issued/{id}/verify": {
    get: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              issue: {
                id: number;
                version: number;
                status: "issued" | "withdrawn" | "replaced";
                statusLabel: string;
                issuedAt: string;
                issuedByName: string;
                signer: string;
                summary: string;
                endedAt: string | null;
                endedReason: string | null;
              };
              verification: {
                signed: boolean;
                intact: boolean;
                coversWholeFile: boolean;
                signer: string | null;
                organisation: string | null;
                signingTime: string | null;
                reason: string | null;
                problems: Array<string>;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/settings": {
    get: {
      parameters: {
        query?: {
          unit?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              version: number;
              symbol: string | null;
              signers: Array<{
                authority: string | null;
                position: string;
                rank: string | null;
                name: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    put: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            symbol?: string | null;
            signers?: Array<{
              authority?: string | null;
              position: string;
              rank?: string | null;
              name: string;
            }>;
            unit?: string;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              version: number;
              symbol: string | null;
              signers: Array<{
                authority: string | null;
                position: string;
                rank: string | null;
                name: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/events": {
    get: {
      parameters: {
        query: {
          period: string;
          unit?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              events: Array<{
                id: number;
                unitId: number;
                date: string;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                text: string;
                createdAt: string;
                createdByName: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            date: string;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
            text: string;
            unit?: string;
          };
        } };
      responses: {
        201: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              unitId: number;
              date: string;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              text: string;
              createdAt: string;
              createdByName: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/events/{id}": {
    delete: {
      parameters: {
        query?: {
          unit?: string;
        };
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              deleted: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/reports/briefing/draft": {
    get: {
      parameters: {
        query: {
          period: string;
          unit?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              human: {
                situation: Array<string>;
                assessment: {
                  strengths: Array<string>;
                  weaknesses: Array<string>;
                  causes: Array<string>;
                };
                directives: Array<string>;
                recommendations: Array<string>;
              };
              status: "draft" | "final";
              version: number;
              updatedAt: string | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    put: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            period: string;
            unit?: string;
            version?: number;
            finalise?: boolean;
            human: {
              situation?: Array<string>;
              assessment?: {
                strengths?: Array<string>;
                weaknesses?: Array<string>;
                causes?: Array<string>;
              };
              directives?: Array<string>;
              recommendations?: Array<string>;
            };
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              human: {
                situation: Array<string>;
                assessment: {
                  strengths: Array<string>;
                  weaknesses: Array<string>;
                  causes: Array<string>;
                };
                directives: Array<string>;
                recommendations: Array<string>;
              };
              status: "draft" | "final";
              version: number;
              updatedAt: string | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/values": {
    get: {
      parameters: {
        query: {
          form: string;
          unit: string;
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              form: string;
              unit: {
                code: string;
                name: string;
              };
              period: string;
              status: "draft" | "submitted" | "approved" | "locked" | "returned";
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              cells: Array<{
                indicator: string;
                option: string | null;
                value: number | null;
                comment: string | null;
                version: number;
                source: {
                  document?: string | null;
                  excerpt: string;
                  span: [number, number];
                } | null;
                previous: number | null;
                lastYear: number | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    put: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            form: string;
            unit: string;
            period: string;
            reason?: string;
            cells: Array<{
              indicator: string;
              option: string | null;
              value: number | null;
              comment?: string | null;
              version?: number;
              source?: {
                document?: string | null;
                excerpt: string;
                span: [number, number];
              };
            }>;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              changeId: number | null;
              inserted: number;
              updated: number;
              unchanged: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        429: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/values/history": {
    get: {
      parameters: {
        query: {
          form: string;
          unit: string;
          period: string;
          indicator: string;
          option?: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              indicator: string;
              option: string | null;
              versions: Array<{
                version: number;
                value: number | null;
                comment: string | null;
                changeId: number;
                at: string;
                userId: number | null;
                source: string;
                reason: string | null;
                supersededBy: number | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/validation/history": {
    get: {
      parameters: {
        query: {
          form: string;
          unit: string;
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              months: number;
              cells: {
                [key: string]: Array<number>;
              };
              resolution: {
                [key: string]: number;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/validation/open": {
    get: {
      parameters: {
        query: {
          form: string;
          unit: string;
          period: string;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              form: string;
              period: string;
              units: Array<{
                unit: string;
                open: number;
                total: number;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/notifications": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              items: Array<{
                id: number;
                kind: string;
                title: string;
                body: string;
                link: string | null;
                createdAt: string;
                readAt: string | null;
              }>;
              unread: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/notifications/read": {
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            ids?: Array<number>;
            all?: boolean;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              items: Array<{
                id: number;
                kind: string;
                title: string;
                body: string;
                link: string | null;
                createdAt: string;
                readAt: string | null;
              }>;
              unread: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/notifications/preferences": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              version: number;
              email: string | null;
              emailEnabled: boolean;
              kinds: Array<{
                kind: "report_returned" | "report_approved" | "deadline_soon" | "task_assigned" | "task_overdue" | "pack_ready";
                inApp: boolean;
                email: boolean;
                label: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    put: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            email: string | null;
            kinds: Array<{
              kind: "report_returned" | "report_approved" | "deadline_soon" | "task_assigned" | "task_overdue" | "pack_ready";
              inApp: boolean;
              email: boolean;
            }>;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              version: number;
              email: string | null;
              emailEnabled: boolean;
              kinds: Array<{
                kind: "report_returned" | "report_approved" | "deadline_soon" | "task_assigned" | "task_overdue" | "pack_ready";
                inApp: boolean;
                email: boolean;
                label: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              meetings: Array<{
                id: number;
                title: string;
                period: string;
                periodLabel: string;
                heldOn: string;
                place: string;
                chair: string;
                participants: Array<{
                  code: string;
                  name: string;
                }>;
                status: "planned" | "held" | "concluded";
                statusLabel: string;
                packFrozenAt: string | null;
                conclusion: {
                  number: string;
                  date: string;
                  text: string;
                } | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                version: number;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            title?: string;
            period: string;
            heldOn: string;
            place: string;
            chair: string;
            participants?: Array<string>;
            agenda?: Array<{
              title: string;
              presenter?: string | null;
              outcomeKind?: "information" | "decision" | "directive";
            }>;
            campaignId?: number | null;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              title: string;
              period: string;
              periodLabel: string;
              heldOn: string;
              place: string;
              chair: string;
              participants: Array<{
                code: string;
                name: string;
              }>;
              status: "planned" | "held" | "concluded";
              statusLabel: string;
              packFrozenAt: string | null;
              conclusion: {
                number: string;
                date: string;
                text: string;
              } | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}": {
    get: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              title: string;
              period: string;
              periodLabel: string;
              heldOn: string;
              place: string;
              chair: string;
              participants: Array<{
                code: string;
                name: string;
              }>;
              status: "planned" | "held" | "concluded";
              statusLabel: string;
              packFrozenAt: string | null;
              conclusion: {
                number: string;
                date: string;
                text: string;
              } | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              version: number;
              agenda: Array<{
                id: number;
                position: number;
                title: string;
                presenter: string | null;
                outcomeKind: "information" | "decision" | "directive";
                outcome: string | null;
                carriedTaskId: number | null;
                secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat" | null;
                outcomeLabel?: string;
              }>;
              minutes: string | null;
              directives: Array<{
                id: number;
                position: number;
                content: string;
                leadUnit: string;
                leadUnitName: string;
                coordinating: Array<{
                  code: string;
                  name: string;
                }>;
                deadlineText: string;
                indicators: Array<string>;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                tasks: Array<{
                  id: number;
                  directiveId: number;
                  directive: string;
                  directiveNo: number;
                  meetingId: number;
                  meeting: string;
                  meetingHeldOn: string;
                  unit: string;
                  unitName: string;
                  leadUnit: string;
                  leadUnitName: string;
                  role: "lead" | "coordinate";
                  deadline: string;
                  dueDate: string;
                  deadlineRule: {
                    kind: "date";
                    date: string;
                  } | {
                    kind: "monthly";
                    day: number;
                    until: string;
                  };
                  deadlineText: string;
                  deadlineHistory: Array<{
                    from: string;
                    deadline: string;
                    text: string;
                    note: string | null;
                  }>;
                  status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                  statusLabel: string;
                  stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                  stateLabel: string;
                  version: number;
                  assignedOn: string;
                  confirmedAt: string | null;
                  daysLate: number;
                  asOf: string;
                  secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                  indicators: Array<string>;
                  lastReport: {
                    on: string;
                    note: string | null;
                  } | null;
                }>;
              }>;
              withheld: number;
              notice?: string;
              packReadable?: boolean;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/pack": {
    get: {
      parameters: {
        query?: {
          include?: "approved" | "submitted" | "draft";
        };
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              meetingId: number;
              period: string;
              periodLabel: string;
              asOf: string;
              builtAt: string;
              frozen: boolean;
              include?: "approved" | "submitted" | "draft";
              counts?: Array<string>;
              statusCoverage?: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
              figures: Array<{
                indicator: string;
                name: string;
                option: string | null;
                unit: string;
                value: number | null;
                prev: number | null;
                yoy: number | null;
                changePrevPct: number | null;
                changeYoyPct: number | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              }>;
              completeness: {
                form: string;
                expected: number;
                onTime: number;
                late: number;
                missing: number;
              } | null;
              tasksDue: Array<{
                id: number;
                directiveId: number;
                directive: string;
                directiveNo: number;
                meetingId: number;
                meeting: string;
                meetingHeldOn: string;
                unit: string;
                unitName: string;
                leadUnit: string;
                leadUnitName: string;
                role: "lead" | "coordinate";
                deadline: string;
                dueDate: string;
                deadlineRule: {
                  kind: "date";
                  date: string;
                } | {
                  kind: "monthly";
                  day: number;
                  until: string;
                };
                deadlineText: string;
                deadlineHistory: Array<{
                  from: string;
                  deadline: string;
                  text: string;
                  note: string | null;
                }>;
                status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                statusLabel: string;
                stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                stateLabel: string;
                version: number;
                assignedOn: string;
                confirmedAt: string | null;
                daysLate: number;
                asOf: string;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                indicators: Array<string>;
                lastReport: {
                  on: string;
                  note: string | null;
                } | null;
              }>;
              overdue: Array<{
                id: number;
                directiveId: number;
                directive: string;
                directiveNo: number;
                meetingId: number;
                meeting: string;
                meetingHeldOn: string;
                unit: string;
                unitName: string;
                leadUnit: string;
                leadUnitName: string;
                role: "lead" | "coordinate";
                deadline: string;
                dueDate: string;
                deadlineRule: {
                  kind: "date";
                  date: string;
                } | {
                  kind: "monthly";
                  day: number;
                  until: string;
                };
                deadlineText: string;
                deadlineHistory: Array<{
                  from: string;
                  deadline: string;
                  text: string;
                  note: string | null;
                }>;
                status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                statusLabel: string;
                stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                stateLabel: string;
                version: number;
                assignedOn: string;
                confirmedAt: string | null;
                daysLate: number;
                asOf: string;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                indicators: Array<string>;
                lastReport: {
                  on: string;
                  note: string | null;
                } | null;
              }>;
              followUp: {
                previousMeetingId: number | null;
                summary: {
                  total: number;
                  notStarted: number;
                  inProgress: number;
                  doneOnTime: number;
                  doneLate: number;
                  overdue: number;
                  fallenDue: number;
                  completionRate: number | null;
                  overdueRate: number | null;
                  units: Array<{
                    total: number;
                    notStarted: number;
                    inProgress: number;
                    doneOnTime: number;
                    doneLate: number;
                    overdue: number;
                    fallenDue: number;
                    completionRate: number | null;
                    overdueRate: number | null;
                    unit: string;
                    unitName: string;
                  }>;
                };
                tasks: Array<{
                  id: number;
                  directiveId: number;
                  directive: string;
                  directiveNo: number;
                  meetingId: number;
                  meeting: string;
                  meetingHeldOn: string;
                  unit: string;
                  unitName: string;
                  leadUnit: string;
                  leadUnitName: string;
                  role: "lead" | "coordinate";
                  deadline: string;
                  dueDate: string;
                  deadlineRule: {
                    kind: "date";
                    date: string;
                  } | {
                    kind: "monthly";
                    day: number;
                    until: string;
                  };
                  deadlineText: string;
                  deadlineHistory: Array<{
                    from: string;
                    deadline: string;
                    text: string;
                    note: string | null;
                  }>;
                  status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                  statusLabel: string;
                  stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                  stateLabel: string;
                  version: number;
                  assignedOn: string;
                  confirmedAt: string | null;
                  daysLate: number;
                  asOf: string;
                  secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                  indicators: Array<string>;
                  lastReport: {
                    on: string;
                    note: string | null;
                  } | null;
                }>;
              };
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              withheld: number;
              notice?: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/hold": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              title: string;
              period: string;
              periodLabel: string;
              heldOn: string;
              place: string;
              chair: string;
              participants: Array<{
                code: string;
                name: string;
              }>;
              status: "planned" | "held" | "concluded";
              statusLabel: string;
              packFrozenAt: string | null;
              conclusion: {
                number: string;
                date: string;
                text: string;
              } | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/minutes": {
    put: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            minutes: string;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              title: string;
              period: string;
              periodLabel: string;
              heldOn: string;
              place: string;
              chair: string;
              participants: Array<{
                code: string;
                name: string;
              }>;
              status: "planned" | "held" | "concluded";
              statusLabel: string;
              packFrozenAt: string | null;
              conclusion: {
                number: string;
                date: string;
                text: string;
              } | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/conclusion": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            number: string;
            date: string;
            summary?: string;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              title: string;
              period: string;
              periodLabel: string;
              heldOn: string;
              place: string;
              chair: string;
              participants: Array<{
                code: string;
                name: string;
              }>;
              status: "planned" | "held" | "concluded";
              statusLabel: string;
              packFrozenAt: string | null;
              conclusion: {
                number: string;
                date: string;
                text: string;
              } | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    get: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              number: string;
              date: string;
              text: string;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/agenda": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            title: string;
            presenter?: string | null;
            outcomeKind?: "information" | "decision" | "directive";
            outcome?: string | null;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              agenda: Array<{
                id: number;
                position: number;
                title: string;
                presenter: string | null;
                outcomeKind: "information" | "decision" | "directive";
                outcome: string | null;
                carriedTaskId: number | null;
                secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat" | null;
                outcomeLabel?: string;
              }>;
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/agenda/{itemId}": {
    put: {
      parameters: {
        query?: never;
        path: {
          id: number;
          itemId: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            outcomeKind: "information" | "decision" | "directive";
            outcome: string | null;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              agenda: Array<{
                id: number;
                position: number;
                title: string;
                presenter: string | null;
                outcomeKind: "information" | "decision" | "directive";
                outcome: string | null;
                carriedTaskId: number | null;
                secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat" | null;
                outcomeLabel?: string;
              }>;
              version: number;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/meetings/{id}/directives": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
        };
      };
      requestBody: { content: {
          "application/json": {
            content: string;
            leadUnit: string;
            coordinatingUnits?: Array<string>;
            deadline: {
              kind: "date";
              date: string;
            } | {
              kind: "monthly";
              day: number;
              until: string;
            };
            indicators?: Array<string>;
            targetId?: number | null;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              directiveId: number;
              taskIds: Array<number>;
              meeting: {
                id: number;
                title: string;
                period: string;
                periodLabel: string;
                heldOn: string;
                place: string;
                chair: string;
                participants: Array<{
                  code: string;
                  name: string;
                }>;
                status: "planned" | "held" | "concluded";
                statusLabel: string;
                packFrozenAt: string | null;
                conclusion: {
                  number: string;
                  date: string;
                  text: string;
                } | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                version: number;
                agenda: Array<{
                  id: number;
                  position: number;
                  title: string;
                  presenter: string | null;
                  outcomeKind: "information" | "decision" | "directive";
                  outcome: string | null;
                  carriedTaskId: number | null;
                  secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat" | null;
                  outcomeLabel?: string;
                }>;
                minutes: string | null;
                directives: Array<{
                  id: number;
                  position: number;
                  content: string;
                  leadUnit: string;
                  leadUnitName: string;
                  coordinating: Array<{
                    code: string;
                    name: string;
                  }>;
                  deadlineText: string;
                  indicators: Array<string>;
                  secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                  tasks: Array<{
                    id: number;
                    directiveId: number;
                    directive: string;
                    directiveNo: number;
                    meetingId: number;
                    meeting: string;
                    meetingHeldOn: string;
                    unit: string;
                    unitName: string;
                    leadUnit: string;
                    leadUnitName: string;
                    role: "lead" | "coordinate";
                    deadline: string;
                    dueDate: string;
                    deadlineRule: {
                      kind: "date";
                      date: string;
                    } | {
                      kind: "monthly";
                      day: number;
                      until: string;
                    };
                    deadlineText: string;
                    deadlineHistory: Array<{
                      from: string;
                      deadline: string;
                      text: string;
                      note: string | null;
                    }>;
                    status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                    statusLabel: string;
                    stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                    stateLabel: string;
                    version: number;
                    assignedOn: string;
                    confirmedAt: string | null;
                    daysLate: number;
                    asOf: string;
                    secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                    indicators: Array<string>;
                    lastReport: {
                      on: string;
                      note: string | null;
                    } | null;
                  }>;
                }>;
                withheld: number;
                notice?: string;
                packReadable?: boolean;
              };
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/tasks": {
    get: {
      parameters: {
        query?: {
          at?: string;
          status?: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
          unit?: string;
          meeting?: number;
          scope?: "mine" | "all";
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              asOf: string;
              summary: {
                total: number;
                notStarted: number;
                inProgress: number;
                doneOnTime: number;
                doneLate: number;
                overdue: number;
                fallenDue: number;
                completionRate: number | null;
                overdueRate: number | null;
                units: Array<{
                  total: number;
                  notStarted: number;
                  inProgress: number;
                  doneOnTime: number;
                  doneLate: number;
                  overdue: number;
                  fallenDue: number;
                  completionRate: number | null;
                  overdueRate: number | null;
                  unit: string;
                  unitName: string;
                }>;
              };
              tasks: Array<{
                id: number;
                directiveId: number;
                directive: string;
                directiveNo: number;
                meetingId: number;
                meeting: string;
                meetingHeldOn: string;
                unit: string;
                unitName: string;
                leadUnit: string;
                leadUnitName: string;
                role: "lead" | "coordinate";
                deadline: string;
                dueDate: string;
                deadlineRule: {
                  kind: "date";
                  date: string;
                } | {
                  kind: "monthly";
                  day: number;
                  until: string;
                };
                deadlineText: string;
                deadlineHistory: Array<{
                  from: string;
                  deadline: string;
                  text: string;
                  note: string | null;
                }>;
                status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
                statusLabel: string;
                stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                stateLabel: string;
                version: number;
                assignedOn: string;
                confirmedAt: string | null;
                daysLate: number;
                asOf: string;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
                indicators: Array<string>;
                lastReport: {
                  on: string;
                  note: string | null;
                } | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/tasks/{id}": {
    get: {
      parameters: {
        query?: {
          at?: string;
        };
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              directiveId: number;
              directive: string;
              directiveNo: number;
              meetingId: number;
              meeting: string;
              meetingHeldOn: string;
              unit: string;
              unitName: string;
              leadUnit: string;
              leadUnitName: string;
              role: "lead" | "coordinate";
              deadline: string;
              dueDate: string;
              deadlineRule: {
                kind: "date";
                date: string;
              } | {
                kind: "monthly";
                day: number;
                until: string;
              };
              deadlineText: string;
              deadlineHistory: Array<{
                from: string;
                deadline: string;
                text: string;
                note: string | null;
              }>;
              status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
              statusLabel: string;
              stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
              stateLabel: string;
              version: number;
              assignedOn: string;
              confirmedAt: string | null;
              daysLate: number;
              asOf: string;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              indicators: Array<string>;
              lastReport: {
                on: string;
                note: string | null;
              } | null;
              events: Array<{
                id: number;
                on: string;
                at: string;
                action: string;
                fromState: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                toState: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                actorName: string;
                note: string | null;
                period: string | null;
                figures: {
                  [key: string]: number;
                } | null;
                attachments: Array<string> | null;
                deadline: {
                  kind: "date";
                  date: string;
                } | {
                  kind: "monthly";
                  day: number;
                  until: string;
                } | null;
                label: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/tasks/{id}/{action}": {
    post: {
      parameters: {
        query?: never;
        path: {
          id: number;
          action: "start" | "report" | "report_done" | "confirm" | "return" | "request_extension" | "approve_extension" | "reject_extension" | "cancel";
        };
      };
      requestBody: { content: {
          "application/json": {
            note?: string | null;
            period?: string | null;
            figures?: {
              [key: string]: number;
            } | null;
            attachments?: Array<string> | null;
            deadline?: {
              kind: "date";
              date: string;
            } | {
              kind: "monthly";
              day: number;
              until: string;
            } | null;
            version?: number;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              directiveId: number;
              directive: string;
              directiveNo: number;
              meetingId: number;
              meeting: string;
              meetingHeldOn: string;
              unit: string;
              unitName: string;
              leadUnit: string;
              leadUnitName: string;
              role: "lead" | "coordinate";
              deadline: string;
              dueDate: string;
              deadlineRule: {
                kind: "date";
                date: string;
              } | {
                kind: "monthly";
                day: number;
                until: string;
              };
              deadlineText: string;
              deadlineHistory: Array<{
                from: string;
                deadline: string;
                text: string;
                note: string | null;
              }>;
              status: "not_started" | "in_progress" | "done_on_time" | "done_late" | "overdue" | "cancelled";
              statusLabel: string;
              stateStored: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
              stateLabel: string;
              version: number;
              assignedOn: string;
              confirmedAt: string | null;
              daysLate: number;
              asOf: string;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              indicators: Array<string>;
              lastReport: {
                on: string;
                note: string | null;
              } | null;
              events: Array<{
                id: number;
                on: string;
                at: string;
                action: string;
                fromState: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                toState: "assigned" | "in_progress" | "reported_done" | "confirmed_done" | "extension_requested" | "extended" | "cancelled";
                actorName: string;
                note: string | null;
                period: string | null;
                figures: {
                  [key: string]: number;
                } | null;
                attachments: Array<string> | null;
                deadline: {
                  kind: "date";
                  date: string;
                } | {
                  kind: "monthly";
                  day: number;
                  until: string;
                } | null;
                label: string;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/campaigns": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              campaigns: Array<{
                id: number;
                series: string;
                name: string;
                year: number;
                rule: {
                  kind: "fixed";
                  start: string;
                  end: string;
                } | {
                  kind: "lunar";
                  start: {
                    month: number;
                    day: number;
                    yearOffset?: number;
                  };
                  end: {
                    month: number;
                    day: number;
                    yearOffset?: number;
                  };
                } | {
                  kind: "tet";
                  fromDay: number;
                  toDay: number;
                };
                ruleText: string;
                start: string;
                end: string;
                days: number;
                units: Array<string>;
                indicators: Array<string>;
                rankBy: string | null;
                reportForm: string | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            series: string;
            name: string;
            year: number;
            rule: {
              kind: "fixed";
              start: string;
              end: string;
            } | {
              kind: "lunar";
              start: {
                month: number;
                day: number;
                yearOffset?: number;
              };
              end: {
                month: number;
                day: number;
                yearOffset?: number;
              };
            } | {
              kind: "tet";
              fromDay: number;
              toDay: number;
            };
            units?: Array<string>;
            indicators: Array<string>;
            rankBy?: string | null;
            reportForm?: string | null;
            secrecy?: "none" | "mat" | "toi_mat" | "tuyet_mat";
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              series: string;
              name: string;
              year: number;
              rule: {
                kind: "fixed";
                start: string;
                end: string;
              } | {
                kind: "lunar";
                start: {
                  month: number;
                  day: number;
                  yearOffset?: number;
                };
                end: {
                  month: number;
                  day: number;
                  yearOffset?: number;
                };
              } | {
                kind: "tet";
                fromDay: number;
                toDay: number;
              };
              ruleText: string;
              start: string;
              end: string;
              days: number;
              units: Array<string>;
              indicators: Array<string>;
              rankBy: string | null;
              reportForm: string | null;
              secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/campaigns/{id}/summary": {
    get: {
      parameters: {
        query?: {
          include?: "approved" | "submitted" | "draft";
        };
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              campaign: {
                id: number;
                series: string;
                name: string;
                year: number;
                rule: {
                  kind: "fixed";
                  start: string;
                  end: string;
                } | {
                  kind: "lunar";
                  start: {
                    month: number;
                    day: number;
                    yearOffset?: number;
                  };
                  end: {
                    month: number;
                    day: number;
                    yearOffset?: number;
                  };
                } | {
                  kind: "tet";
                  fromDay: number;
                  toDay: number;
                };
                ruleText: string;
                start: string;
                end: string;
                days: number;
                units: Array<string>;
                indicators: Array<string>;
                rankBy: string | null;
                reportForm: string | null;
                secrecy: "none" | "mat" | "toi_mat" | "tuyet_mat";
              };
              windows: {
                current: {
                  start: string;
                  end: string;
                };
                lastYear: {
                  start: string;
                  end: string;
                  campaignId: number | null;
                  name: string | null;
                };
                before: {
                  start: string;
                  end: string;
                };
              };
              rankBy: string;
              direction: "up" | "down" | "neutral";
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              statusCoverage: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
              totals: Array<{
                indicator: string;
                name: string;
                unit: string;
                value: number | null;
                lastYear: number | null;
                before: number | null;
              }>;
              units: Array<{
                unit: string;
                rank: number;
                figures: {
                  [key: string]: {
                    value: number | null;
                    lastYear: number | null;
                    before: number | null;
                    diffLastYear: number | null;
                    pctLastYear: number | null;
                    diffBefore: number | null;
                    pctBefore: number | null;
                  };
                };
                score: number | null;
                name: string;
              }>;
              commendations: Array<{
                id: number;
                recipientKind: "unit" | "person";
                recipient: string;
                unit: string;
                unitName: string;
                personName: string | null;
                personRank: string | null;
                personPosition: string | null;
                form: string;
                reason: string;
                decisionNumber: string;
                decisionDate: string;
                campaignId: number | null;
                period: string | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/commendations": {
    get: {
      parameters: {
        query?: {
          unit?: string;
          campaign?: number;
        };
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              commendations: Array<{
                id: number;
                recipientKind: "unit" | "person";
                recipient: string;
                unit: string;
                unitName: string;
                personName: string | null;
                personRank: string | null;
                personPosition: string | null;
                form: string;
                reason: string;
                decisionNumber: string;
                decisionDate: string;
                campaignId: number | null;
                period: string | null;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            recipientKind: "unit" | "person";
            unit: string;
            personName?: string | null;
            personRank?: string | null;
            personPosition?: string | null;
            form: string;
            reason: string;
            decisionNumber: string;
            decisionDate: string;
            campaignId?: number | null;
            period?: string | null;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              recipientKind: "unit" | "person";
              recipient: string;
              unit: string;
              unitName: string;
              personName: string | null;
              personRank: string | null;
              personPosition: string | null;
              form: string;
              reason: string;
              decisionNumber: string;
              decisionDate: string;
              campaignId: number | null;
              period: string | null;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/targets": {
    get: {
      parameters: {
        query?: never;
        path?: never;
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              targets: Array<{
                id: number;
                name: string;
                indicator: string;
                targetValue: number;
                deadline: string;
                unitKind: string;
                meetingId: number | null;
                indicatorName: string;
                unit: string;
                units: Array<string>;
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
    post: {
      parameters: {
        query?: never;
        path?: never;
      };
      requestBody: { content: {
          "application/json": {
            name: string;
            indicator: string;
            targetValue: number;
            deadline: string;
            unitKind?: "province" | "department" | "commune";
            units?: Array<string>;
            meetingId?: number | null;
          };
        } };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              id: number;
              name: string;
              indicator: string;
              targetValue: number;
              deadline: string;
              unitKind: string;
              meetingId: number | null;
              indicatorName: string;
              unit: string;
              units: Array<string>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
  "/api/targets/{id}/progress": {
    get: {
      parameters: {
        query?: {
          at?: string;
          include?: "approved" | "submitted" | "draft";
        };
        path: {
          id: number;
        };
      };
      responses: {
        200: { headers: Record<string, unknown>; content: {
            "application/json": {
              target: {
                id: number;
                name: string;
                indicator: string;
                targetValue: number;
                deadline: string;
                unitKind: string;
                meetingId: number | null;
                indicatorName: string;
                unit: string;
                units: Array<string>;
              };
              asOf: string;
              period: string;
              era: "34" | "63";
              national: number | null;
              reached: number;
              total: number;
              overdue: boolean;
              units: Array<{
                unit: string;
                adminCode: string | null;
                name: string;
                value: number | null;
                reached: boolean;
                gap: number | null;
              }>;
              behind: Array<{
                unit: string;
                adminCode: string | null;
                name: string;
                value: number | null;
                reached: boolean;
                gap: number | null;
              }>;
              series: Array<{
                period: string;
                value: number | null;
              }>;
              include: "approved" | "submitted" | "draft";
              counts: Array<string>;
              statusCoverage: Array<{
                form: string;
                expected: number;
                counted: number;
                statuses: {
                  not_started: number;
                  draft: number;
                  returned: number;
                  submitted: number;
                  approved: number;
                  locked: number;
                };
              }>;
            };
          } };
        400: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        401: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        403: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        404: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        409: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        415: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        422: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
        428: { headers: Record<string, unknown>; content: {
            "application/json": components['schemas']["ApiError"];
          } };
      };
    };
  };
}

export interface components {
  schemas: {
    ApiError: {
      error: string;
      message: string;
      messageEn?: string;
      issues?: Array<{
        row?: number;
        field: string;
        reason: string;
        severity?: "critical" | "warning";
      }>;
    };
  };
}
