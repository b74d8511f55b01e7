package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

import io.certaudit.agent.windows.jna.WindowsStructures.CertChainPara;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;

/**
 * The crypt32.dll functions the audit calls, bound by hand. Every context, chain and store handle is a plain
 * {@link Pointer}: passing crypt32's own structures back as JNA Structures would make JNA write its Java copy
 * over crypt32's memory first (autoWrite). Signatures from wincrypt.h; each function is documented at
 * learn.microsoft.com/windows/win32/api/wincrypt/nf-wincrypt-{name in lower case}.
 */
public interface Crypt32Ext extends StdCallLibrary {


    /** {@code HCERTSTORE CertOpenStore(LPCSTR lpszStoreProvider, DWORD, HCRYPTPROV_LEGACY, DWORD, const void*)}. */
    Pointer CertOpenStore(Pointer storeProvider, int encodingType, Pointer cryptProv, int flags, WString para);

    /** {@code BOOL CertCloseStore(HCERTSTORE, DWORD)}. */
    boolean CertCloseStore(Pointer store, int flags);

    /** {@code PCCERT_CONTEXT CertEnumCertificatesInStore(HCERTSTORE, PCCERT_CONTEXT)}; frees {@code previous}. */
    Pointer CertEnumCertificatesInStore(Pointer store, Pointer previous);

    /** {@code PCCERT_CONTEXT CertFindCertificateInStore(HCERTSTORE, DWORD, DWORD, DWORD, const void*, PCCERT_CONTEXT)}. */
    Pointer CertFindCertificateInStore(Pointer store, int encodingType, int findFlags, int findType,
                                       CryptDataBlob findPara, Pointer previous);

    /** {@code BOOL CertFreeCertificateContext(PCCERT_CONTEXT)}. */
    boolean CertFreeCertificateContext(Pointer context);

    /** {@code BOOL CertGetCertificateContextProperty(PCCERT_CONTEXT, DWORD, void*, DWORD*)}. */
    boolean CertGetCertificateContextProperty(Pointer context, int propertyId, Pointer data, IntByReference size);

    /**
     * {@code BOOL CryptAcquireCertificatePrivateKey(PCCERT_CONTEXT, DWORD, void*,
     * HCRYPTPROV_OR_NCRYPT_KEY_HANDLE*, DWORD*, BOOL*)}; the handle is a ULONG_PTR, received as a pointer.
     */
    boolean CryptAcquireCertificatePrivateKey(Pointer context, int flags, Pointer parameters, PointerByReference key,
                                              IntByReference keySpec, IntByReference callerMustFree);

    /**
     * {@code BOOL CertGetCertificateChain(HCERTCHAINENGINE, PCCERT_CONTEXT, LPFILETIME, HCERTSTORE,
     * PCERT_CHAIN_PARA, DWORD, LPVOID, PCCERT_CHAIN_CONTEXT*)}.
     */
    boolean CertGetCertificateChain(Pointer engine, Pointer context, Pointer time, Pointer additionalStore,
                                    CertChainPara para, int flags, Pointer reserved, PointerByReference chain);

    /** {@code VOID CertFreeCertificateChain(PCCERT_CHAIN_CONTEXT)}. */
    void CertFreeCertificateChain(Pointer chain);
}
